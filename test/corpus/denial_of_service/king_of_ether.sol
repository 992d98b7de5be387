// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract KingOfEther {
    address payable public king;
    uint256 public balance;

    function claimThrone() external payable {
        require(msg.value > balance, "need more");
        king.transfer(balance); // @vulnerable: denial_of_service
        balance = msg.value;
        king = payable(msg.sender);
    }
}
