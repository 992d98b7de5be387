// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract FreeMint {
    mapping(address => uint256) public balanceOf;
    uint256 public totalSupply;
    address public owner = msg.sender;

    function mint(address to, uint256 amount) external { // @vulnerable: access_control
        totalSupply += amount;
        balanceOf[to] += amount;
    }
}
