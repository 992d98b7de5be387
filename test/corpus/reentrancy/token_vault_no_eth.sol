// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
}

contract TokenVault {
    IERC20 public immutable token;
    mapping(address => uint256) public shares;

    constructor(IERC20 t) { token = t; }

    function exit() external {
        uint256 s = shares[msg.sender];
        require(token.transfer(msg.sender, s), "transfer"); // @vulnerable: reentrancy
        shares[msg.sender] = 0;
    }
}
