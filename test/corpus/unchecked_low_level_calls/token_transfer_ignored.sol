// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
}

contract Distributor {
    IERC20 public token;
    mapping(address => uint256) public claimable;

    constructor(IERC20 t) { token = t; }

    function claim() external {
        uint256 a = claimable[msg.sender];
        claimable[msg.sender] = 0;
        token.transfer(msg.sender, a); // @vulnerable: unchecked_low_level_calls
    }
}
