// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
}

contract Airdrop {
    IERC20 public token;
    address public owner = msg.sender;

    constructor(IERC20 t) { token = t; }

    function drop(address[] calldata to, uint256 amount) external {
        require(msg.sender == owner);
        for (uint256 i = 0; i < to.length; i++) {
            require(token.transfer(to[i], amount)); // @vulnerable: denial_of_service
        }
    }
}
